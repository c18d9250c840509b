using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using TicketMaster.Persistence;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

/// <summary>
/// Access-token keys generated and kept in the database (ADR 0023), so a restart or a second instance
/// on the same database does not sign everyone out. Each rotation period has one key, whose id is the
/// period's start: instances that find the period without a key all insert the same row, and the
/// losers of that race read the winner's.
/// </summary>
/// <remarks>
/// Held in memory and read again only when the period ends or a token names an unknown <c>kid</c>
/// (at most once per <see cref="UnknownKidReloadInterval"/>, so forged kids cannot hammer the database).
/// Synchronous because the JWT handler's key resolver is; it touches the database a few times per period.
/// </remarks>
public sealed class SigningKeyRing(IDbContextFactory<TicketMasterDbContext> databases, AuthOptions options, TimeProvider clock, ILogger<SigningKeyRing> logger)
    : IAccessTokenKeys
{
    public static readonly TimeSpan UnknownKidReloadInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _reload = new();
    private Snapshot? _snapshot;
    private DateTime _lastReload = DateTime.MinValue;

    public SecurityKey Signing()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = _snapshot;
        if (snapshot is null || now >= snapshot.Signing.RetiresAt || now < snapshot.Signing.ActiveFrom)
        {
            snapshot = Reload(now, force: true);
        }

        return snapshot.Keys[snapshot.Signing.Id];
    }

    public SecurityKey? Find(string? keyId)
    {
        if (keyId is null or { Length: > SigningKey.MaxIdLength })
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = _snapshot ?? Reload(now, force: true);
        if (!snapshot.Keys.ContainsKey(keyId) && now - _lastReload >= UnknownKidReloadInterval)
        {
            // Another instance may have just started the next period.
            snapshot = Reload(now, force: false);
        }

        return snapshot.Keys.GetValueOrDefault(keyId);
    }

    private Snapshot Reload(DateTime now, bool force)
    {
        lock (_reload)
        {
            if (!force && now - _lastReload < UnknownKidReloadInterval && _snapshot is { } recent)
            {
                return recent;
            }

            var (start, end) = Period(now);
            var id = start.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            using var db = databases.CreateDbContext();
            var oldest = now - options.AccessTokenLifetime - TimeSpan.FromMinutes(1);
            var keys = db.SigningKeys.AsNoTracking().Where(k => k.RetiresAt > oldest).ToList();
            if (keys.All(k => k.Id != id))
            {
                keys.Add(Create(db, id, start, end, oldest));
            }

            var snapshot = new Snapshot(
                keys.Single(k => k.Id == id),
                keys.ToDictionary(k => k.Id, SecurityKey (k) => new SymmetricSecurityKey(Convert.FromBase64String(k.Secret)) { KeyId = k.Id }));
            _snapshot = snapshot;
            _lastReload = now;
            return snapshot;
        }
    }

    private SigningKey Create(TicketMasterDbContext db, string id, DateTime start, DateTime end, DateTime oldest)
    {
        db.SigningKeys.Add(SigningKey.Create(id, RandomNumberGenerator.GetBytes(32), start, end));
        try
        {
            db.SaveChanges();
            logger.LogInformation("Generated access-token signing key {KeyId}, signing until {RetiresAt:u}", id, end);

            // Keys whose last token has expired verify nothing any more.
            db.SigningKeys.Where(k => k.RetiresAt <= oldest).ExecuteDelete();
        }
        catch (DbUpdateException)
        {
            // Another instance generated this period's key first; use theirs.
            db.ChangeTracker.Clear();
        }

        return db.SigningKeys.AsNoTracking().Single(k => k.Id == id);
    }

    /// <summary>The rotation period around <paramref name="now"/>, counted from the Unix epoch so every instance agrees.</summary>
    private (DateTime Start, DateTime End) Period(DateTime now)
    {
        var length = options.KeyRing.RotateAfter.Ticks;
        var start = DateTime.UnixEpoch.AddTicks((now - DateTime.UnixEpoch).Ticks / length * length);
        return (start, start.AddTicks(length));
    }

    private sealed record Snapshot(SigningKey Signing, IReadOnlyDictionary<string, SecurityKey> Keys);
}
