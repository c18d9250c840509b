using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketMaster.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EventStartsAtLocal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nullable: existing rows are filled by WallClockBackfill at startup, in .NET, because
            // CONVERT_TZ needs time zone tables a MariaDB server may not have (ADR 0014).
            migrationBuilder.AddColumn<DateTime>(
                name: "starts_at_local",
                table: "events",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_starts_at_local",
                table: "events",
                column: "starts_at_local");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_events_starts_at_local",
                table: "events");

            migrationBuilder.DropColumn(
                name: "starts_at_local",
                table: "events");
        }
    }
}
