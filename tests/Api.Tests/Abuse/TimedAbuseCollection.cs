namespace TicketMaster.Api.Tests.Abuse;

/// <summary>
/// The abuse tests that assert wall-clock bounds (a push within a second while a flood runs, a
/// refusal in seconds): they run alone, after the parallel tests, so a busy CI machine measures
/// the Api rather than its neighbours.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedAbuseCollection
{
    public const string Name = "Abuse with time bounds";
}
