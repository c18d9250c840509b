using System.Buffers.Binary;
using System.IO.Compression;
using ZXing;
using ZXing.Common;

namespace TicketMaster.Api.Tests.Tickets;

/// <summary>
/// Reads a QR code from the PNG the Api renders, as a door scanner would: ZXing on the pixels.
/// The PNG is unpacked here (1-bit grayscale or two-colour palette, unfiltered rows, which is what
/// QRCoder writes) because no image library on this machine's registry is fit to take in.
/// </summary>
public static class QrDecoding
{
    public static string? DecodePng(byte[] png)
    {
        var (width, height, pixels) = Gray(png);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = true } };
        return reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
    }

    private static (int Width, int Height, byte[] Pixels) Gray(byte[] png)
    {
        int width = 0, height = 0, bitDepth = 0, colourType = 0;
        byte[] palette = [];
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var chunk = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height, bitDepth, colourType) = (BinaryPrimitives.ReadInt32BigEndian(chunk), BinaryPrimitives.ReadInt32BigEndian(chunk[4..]), chunk[8], chunk[9]);
                    break;
                case "PLTE":
                    palette = chunk.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(chunk);
                    break;
            }

            at += length + 12;
        }

        Assert.True(bitDepth == 1 && colourType is 0 or 3, $"Unexpected PNG layout: bit depth {bitDepth}, colour type {colourType}.");
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = (width + 7) / 8 + 1;
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, raw[y * stride]);
            for (var x = 0; x < width; x++)
            {
                var bit = (raw[y * stride + 1 + x / 8] >> (7 - x % 8)) & 1;
                pixels[y * width + x] = colourType == 0 ? (byte)(bit * 255) : palette[bit * 3];
            }
        }

        return (width, height, pixels);
    }
}
