using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketMaster.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SeatMapsAndEventAuthoring : Migration
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

            migrationBuilder.AddColumn<int>(
                name: "created_by_id",
                table: "performers",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "doors_at",
                table: "events",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ends_at",
                table: "events",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_tickets_per_account",
                table: "events",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_tickets_per_order",
                table: "events",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "on_sale_at",
                table: "events",
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

            migrationBuilder.CreateIndex(
                name: "ix_performers_created_by_id",
                table: "performers",
                column: "created_by_id");

            migrationBuilder.AddForeignKey(
                name: "fk_performers_users_created_by_id",
                table: "performers",
                column: "created_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_sections_venue_id_name",
                table: "sections",
                columns: new[] { "venue_id", "name" },
                unique: true);

            migrationBuilder.DropForeignKey(
                name: "fk_performers_users_created_by_id",
                table: "performers");

            migrationBuilder.DropIndex(
                name: "ix_sections_venue_id_name_retired_at",
                table: "sections");

            migrationBuilder.DropIndex(
                name: "ix_performers_created_by_id",
                table: "performers");

            migrationBuilder.DropColumn(
                name: "is_standing",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "created_by_id",
                table: "performers");

            migrationBuilder.DropColumn(
                name: "doors_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "ends_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "max_tickets_per_account",
                table: "events");

            migrationBuilder.DropColumn(
                name: "max_tickets_per_order",
                table: "events");

            migrationBuilder.DropColumn(
                name: "on_sale_at",
                table: "events");

        }
    }
}
