using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using TicketMaster.Orders;

namespace TicketMaster.Tickets;

/// <summary>What a ticket code says once its signature checks out: the ticket, its event and its seat.</summary>
public sealed record TicketClaim(Guid TicketId, int EventId, int SeatId);

/// <summary>
/// The signed ticket code (ADR 0018): <c>TM1.{keyId}.{body}.{mac}</c>, where body is the ticket id,
/// event id and seat id (24 bytes, base64url) and mac the first 16 bytes of HMAC-SHA256 over
/// <c>TM1.{keyId}.{body}</c> with that key. Only the server holds the keys, so a code cannot be
/// made up or altered; a door scanner asks the server (or checks the list it exported) instead.
/// </summary>
public sealed class TicketCodes(TicketSigningKeys keys)
{
    public const string Scheme = "TM1";
    private const int BodyBytes = 24;
    private const int MacBytes = 16;

    public string CodeFor(Ticket ticket) => CodeFor(new TicketClaim(ticket.Id, ticket.EventId, ticket.SeatId));

    public string CodeFor(TicketClaim claim)
    {
        var body = new byte[BodyBytes];
        claim.TicketId.TryWriteBytes(body.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(16), claim.EventId);
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(20), claim.SeatId);
        var signed = $"{Scheme}.{keys.Current.Id}.{Base64Url.EncodeToString(body)}";
        return $"{signed}.{Base64Url.EncodeToString(Mac(keys.Current.Secret, signed))}";
    }

    /// <summary>The claim, or null when the code is malformed, signed with an unknown key, or altered.</summary>
    public TicketClaim? Verify(string? code)
    {
        var parts = code?.Trim().Split('.');
        if (parts is not [Scheme, var keyId, var bodyText, var macText] || keys.Find(keyId) is not { } key)
        {
            return null;
        }

        // TryDecode throws on characters outside the alphabet, so the text is checked first.
        if (!Base64Url.IsValid(bodyText, out var bodyLength) || bodyLength != BodyBytes || !Base64Url.IsValid(macText, out var macLength) || macLength != MacBytes)
        {
            return null;
        }

        var body = Base64Url.DecodeFromChars(bodyText);
        if (!CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(macText), Mac(key.Secret, $"{Scheme}.{keyId}.{bodyText}")))
        {
            return null;
        }

        return new TicketClaim(new Guid(body.AsSpan(0, 16), bigEndian: true), BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(20)));
    }

    private static byte[] Mac(byte[] secret, string signed) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signed))[..MacBytes];
}
