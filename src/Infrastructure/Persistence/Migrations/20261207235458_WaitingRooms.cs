using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketMaster.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WaitingRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "waiting_rooms",
                columns: table => new
                {
                    event_id = table.Column<int>(type: "int", nullable: false),
                    is_on = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    admissions_per_minute = table.Column<int>(type: "int", nullable: false),
                    max_admitted = table.Column<int>(type: "int", nullable: false),
                    opens_at = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    admits_from = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waiting_rooms", x => x.event_id);
                    table.ForeignKey(
                        name: "fk_waiting_rooms_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "waiting_rooms");
        }
    }
}
