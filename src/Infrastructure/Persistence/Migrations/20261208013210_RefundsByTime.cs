using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketMaster.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RefundsByTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_refunds_created_at",
                table: "refunds",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_refunds_created_at",
                table: "refunds");
        }
    }
}
