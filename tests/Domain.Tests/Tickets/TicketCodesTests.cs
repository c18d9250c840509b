using System.Security.Cryptography;
using TicketMaster.Tickets;

namespace TicketMaster.Domain.Tests.Tickets;

public sealed class TicketCodesTests
{
    private static readonly TicketSigningKey Old = new("2026a", RandomNumberGenerator.GetBytes(32));
    private static readonly TicketSigningKey New = new("2026b", RandomNumberGenerator.GetBytes(32));
    private static readonly TicketClaim Claim = new(Guid.CreateVersion7(), 42, 4711);

    [Fact]
    public void A_code_names_its_key_and_verifies_back_to_its_ticket_event_and_seat()
    {
        var codes = new TicketCodes(new TicketSigningKeys([Old]));

        var code = codes.CodeFor(Claim);

        Assert.StartsWith("TM1.2026a.", code);
        Assert.Equal(Claim, codes.Verify(code));
    }

    [Fact]
    public void Codes_signed_with_an_older_key_still_verify_after_a_rotation_and_new_ones_use_the_new_key()
    {
        var before = new TicketCodes(new TicketSigningKeys([Old])).CodeFor(Claim);
        var rotated = new TicketCodes(new TicketSigningKeys([New, Old]));

        Assert.Equal(Claim, rotated.Verify(before));
        Assert.StartsWith("TM1.2026b.", rotated.CodeFor(Claim));
        Assert.Null(new TicketCodes(new TicketSigningKeys([New])).Verify(before));
    }

    [Fact]
    public void An_altered_seat_or_ticket_or_a_code_made_with_another_secret_under_the_same_key_id_is_refused()
    {
        var codes = new TicketCodes(new TicketSigningKeys([Old]));
        var genuine = codes.CodeFor(Claim);
        var otherSeat = codes.CodeFor(Claim with { SeatId = 4712 });
        var forger = new TicketCodes(new TicketSigningKeys([new TicketSigningKey("2026a", RandomNumberGenerator.GetBytes(32))]));

        // The other seat's body under the genuine code's signature.
        var spliced = string.Join('.', otherSeat.Split('.')[..3].Append(genuine.Split('.')[3]));

        Assert.Null(codes.Verify(spliced));
        Assert.Null(codes.Verify(forger.CodeFor(Claim)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TM1")]
    [InlineData("TM1.2026a.x.y")]
    [InlineData("TM2.2026a.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("TM1.2026a.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.extra")]
    public void Malformed_codes_are_refused_without_an_exception(string? code) =>
        Assert.Null(new TicketCodes(new TicketSigningKeys([Old])).Verify(code));

    [Fact]
    public void Short_secrets_and_odd_key_ids_are_refused_at_startup()
    {
        Assert.Throws<ArgumentException>(() => new TicketSigningKey("k1", new byte[16]));
        Assert.Throws<ArgumentException>(() => new TicketSigningKey("k.1", new byte[32]));
    }
}
