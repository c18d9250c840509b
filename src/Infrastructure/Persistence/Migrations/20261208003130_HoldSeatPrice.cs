using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketMaster.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HoldSeatPrice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "price",
                table: "hold_seats",
                type: "decimal(10,2)",
                precision: 10,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "price",
                table: "hold_seats");
        }
    }
}
