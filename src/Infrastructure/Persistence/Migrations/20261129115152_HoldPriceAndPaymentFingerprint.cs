using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketMaster.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HoldPriceAndPaymentFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "request_fingerprint",
                table: "payments",
                type: "varchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<decimal>(
                name: "amount",
                table: "holds",
                type: "decimal(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "currency",
                table: "holds",
                type: "char(3)",
                fixedLength: true,
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            // Holds placed before this migration are priced as confirming priced them until now:
            // their seats' current prices in the event's currency.
            migrationBuilder.Sql("""
                UPDATE holds h
                JOIN events e ON e.id = h.event_id
                SET h.currency = e.currency,
                    h.amount = (SELECT COALESCE(SUM(s.price), 0) FROM hold_seats hs
                                JOIN event_seats s ON s.event_id = hs.event_id AND s.seat_id = hs.seat_id
                                WHERE hs.hold_id = h.id)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "request_fingerprint",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "amount",
                table: "holds");

            migrationBuilder.DropColumn(
                name: "currency",
                table: "holds");
        }
    }
}
