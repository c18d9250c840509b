using GraphQL;
using GraphQL.Types;
using TicketMaster.GraphQL;
using TicketMaster.Orders;
using TicketMaster.Tickets;

namespace TicketMaster.Api.Tickets;

public enum QrCodeFormat
{
    Svg,
    Png,
}

public sealed class QrCodeFormatType : EnumerationGraphType<QrCodeFormat>
{
    public QrCodeFormatType()
    {
        Name = "QrCodeFormat";
        Description = "The image format of a ticket's QR code.";
        this.Describe("SVG", "A scalable vector image: sharp at any size, best for screens and print.");
        this.Describe("PNG", "A bitmap of 10 pixels per module: for wallets and mail clients that show no SVG.");
    }
}

/// <summary>
/// The ticket's signed code and its QR image. A ticket is only ever reached by its buyer
/// (<c>myOrders</c>, <c>node</c>, the confirming payload), so the code shows to nobody else.
/// </summary>
public static class TicketCodeFields
{
    public static void AddTicketCodeFields(this ObjectGraphType<Ticket> ticket)
    {
        ticket.Field<NonNullGraphType<StringGraphType>>("code")
            .Description("The ticket's signed entry code (`TM1.…`): what the QR code holds and what `checkInTicket` takes. It cannot be forged; whoever has it can enter once, so show it only to the ticket holder.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<TicketCodes>().CodeFor(ctx.Source));
        ticket.Field<NonNullGraphType<StringGraphType>>("qrCode")
            .Description("The entry code as a QR image, a `data:` URI ready for `<img src>`: show it at the door.")
            .Argument<NonNullGraphType<QrCodeFormatType>>("format", "SVG (the default) or PNG.", a => a.DefaultValue = QrCodeFormat.Svg)
            .Resolve(ctx => QrImage.DataUri(ctx.RequestServices!.GetRequiredService<TicketCodes>().CodeFor(ctx.Source), png: ctx.GetArgument<QrCodeFormat>("format") == QrCodeFormat.Png));
    }
}
