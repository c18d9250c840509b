namespace TicketMaster.Api.Users;

/// <summary>Bound from <c>Auth:Throttle</c>: how fast one address may guess passwords or probe registrations.</summary>
public sealed class CredentialThrottleOptions
{
    public const string SectionName = "Auth:Throttle";

    /// <summary>Off only for tests that exercise something else with many failures from one address.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Wrong passwords one address may try on one account before it has to wait.</summary>
    public int FreeFailuresPerAccountAndAddress { get; set; } = 5;

    /// <summary>Failed logins and registrations one address may make, over all accounts, before it has to wait.</summary>
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The first wait; each further failure doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A counter without a failure for this long starts again from zero.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Counters kept in memory at most; past it, forgotten ones are swept out first.</summary>
    public int MaxTrackedKeys { get; set; } = 100_000;
}
