using QRCoder;

namespace TicketMaster.Tickets;

/// <summary>QR images of ticket codes, for the GraphQL field and the confirmation email alike.</summary>
public static class QrImage
{
    // Quartile error correction: a scuffed or partly covered phone screen still scans.
    private const QRCodeGenerator.ECCLevel Correction = QRCodeGenerator.ECCLevel.Q;
    private const int PixelsPerModule = 10;

    public static byte[] Png(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, Correction);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static string Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, Correction);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule);
    }

    public static string DataUri(string text, bool png) => png
        ? $"data:image/png;base64,{Convert.ToBase64String(Png(text))}"
        : $"data:image/svg+xml;base64,{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Svg(text)))}";
}
