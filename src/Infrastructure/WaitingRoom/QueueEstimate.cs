namespace TicketMaster.WaitingRoom;

/// <summary>
/// The wait estimate both queues give: shoppers ahead over the admissions measured in the last
/// minute (or since the opening, when younger); the configured rate only until the first
/// admission is measured.
/// </summary>
internal static class QueueEstimate
{
    public static readonly TimeSpan MeasuredOver = TimeSpan.FromMinutes(1);

    public static TimeSpan? Wait(int? position, int admittedLastMinute, WaitingRoomSettings settings, DateTime now)
    {
        if (position is not { } place)
        {
            return null;
        }

        var window = Math.Min(MeasuredOver.TotalSeconds, Math.Max(1, (now - settings.AdmitsFrom).TotalSeconds));
        var perSecond = admittedLastMinute > 0 ? admittedLastMinute / window : settings.AdmissionsPerMinute / 60.0;
        return TimeSpan.FromSeconds(Math.Ceiling((place - 1) / perSecond));
    }
}
