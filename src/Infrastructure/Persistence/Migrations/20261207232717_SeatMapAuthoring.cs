using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketMaster.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SeatMapAuthoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_standing",
                table: "sections",
                type: "tinyint(1)",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "retired_at",
                table: "sections",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sections_venue_id_name_retired_at",
                table: "sections",
                columns: new[] { "venue_id", "name", "retired_at" },
                unique: true);

            // Only now: MySQL needs an index starting with venue_id for the venues foreign key at all times.
            migrationBuilder.DropIndex(
                name: "ix_sections_venue_id_name",
                table: "sections");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_sections_venue_id_name",
                table: "sections",
                columns: new[] { "venue_id", "name" },
                unique: true);

            migrationBuilder.DropIndex(
                name: "ix_sections_venue_id_name_retired_at",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "is_standing",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "sections");
        }
    }
}
