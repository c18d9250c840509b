using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketMaster.Api.Tests.Payments;
using TicketMaster.Api.Tests.Support;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Tests.Users;

/// <summary>
/// ADR 0023: with no <c>Auth:SigningKey</c>, real Api processes on one MariaDB share the generated key
/// ring, so a second instance and a restart honour each other's tokens, and a token whose
/// <c>kid</c> names no key of the ring (or a ring key it was not signed with) is refused.
/// </summary>
public sealed class KeyRingTests
{
    private const string NoConfiguredKey = "";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Booking__ExpirySweepInterval"] = "00:00:00",
        ["Events__CancellationRefundInterval"] = "00:00:00",
        ["Events__OnSaleInterval"] = "00:00:00",
    };

    [SkippableFact]
    public async Task Two_instances_starting_together_share_one_key_and_a_restart_keeps_tokens_valid()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "keyring");
        var starting = new[] { ApiProcess.StartAsync(database, NoConfiguredKey, Settings), ApiProcess.StartAsync(database, NoConfiguredKey, Settings) };
        var apis = await Task.WhenAll(starting);
        string fromFirst;
        string fromSecond;
        try
        {
            // Both sign their first tokens at once: both find the ring empty.
            var tokens = await Task.WhenAll(apis[0].Client.RegisterBuyerAsync("ringa"), apis[1].Client.RegisterBuyerAsync("ringb"));
            (fromFirst, fromSecond) = (tokens[0], tokens[1]);

            Assert.NotNull(await MeAsync(apis[1], fromFirst));
            Assert.NotNull(await MeAsync(apis[0], fromSecond));
            Assert.Equal(new JsonWebToken(fromFirst).Kid, new JsonWebToken(fromSecond).Kid);
        }
        finally
        {
            foreach (var api in apis)
            {
                api.Kill();
                api.Dispose();
            }
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.SigningKeys.CountAsync());
        }

        using var restarted = await ApiProcess.StartAsync(database, NoConfiguredKey, Settings);
        Assert.NotNull(await MeAsync(restarted, fromFirst));
        Assert.NotNull(await MeAsync(restarted, fromSecond));
    }

    [SkippableFact]
    public async Task A_token_whose_kid_is_forged_or_unknown_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "keyringforge");
        using var api = await ApiProcess.StartAsync(database, NoConfiguredKey, Settings);
        var genuine = new JsonWebToken(await api.Client.RegisterBuyerAsync("forge"));
        Assert.NotNull(await MeAsync(api, genuine.EncodedToken));

        // The same claims signed by an attacker's key, naming the ring's key, an unknown key and the configured-key id.
        foreach (var kid in new[] { genuine.Kid, "20991231T000000Z", "configured" })
        {
            var forged = Forge(genuine, kid);
            Assert.Null(await MeAsync(api, forged));
        }
    }

    [SkippableFact]
    public async Task A_rotated_key_signs_no_more_tokens_but_still_verifies_the_ones_it_signed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.MySql, "keyringrotate");
        using var api = await ApiProcess.StartAsync(database, NoConfiguredKey, new Dictionary<string, string>(Settings) { ["Auth__KeyRing__RotateAfter"] = "00:00:03" });
        var before = await api.Client.RegisterBuyerAsync("rot");
        var after = before;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (new JsonWebToken(after).Kid == new JsonWebToken(before).Kid && DateTime.UtcNow < deadline)
        {
            after = await api.Client.RegisterBuyerAsync("rot");
        }

        Assert.NotEqual(new JsonWebToken(before).Kid, new JsonWebToken(after).Kid);
        Assert.NotNull(await MeAsync(api, before));
        Assert.NotNull(await MeAsync(api, after));
    }

    private static string Forge(JsonWebToken genuine, string kid) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity(genuine.Claims.Where(c => c.Type is not ("iss" or "aud" or "exp" or "nbf" or "iat"))),
        Issuer = genuine.Issuer,
        Audience = genuine.Audiences.Single(),
        Expires = genuine.ValidTo,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = kid }, SecurityAlgorithms.HmacSha256),
    });

    private static async Task<string?> MeAsync(ApiProcess api, string token) =>
        (await api.Client.WithToken(token).DataAsync<MeData>("{ me { username } }")).Me?.Username;

    private sealed record MeData(Named? Me);

    private sealed record Named(string Username);
}
