namespace TicketMaster.WaitingRoom;

/// <summary>
/// The booking path's one question to the waiting room: with the event's room on, may this account
/// reserve with this pass? Off, it answers from memory without a round trip.
/// </summary>
public sealed class AdmissionCheck(IWaitingRoomQueue queue, TimeProvider clock)
{
    public async Task EnsureAdmittedAsync(int userId, int eventId, string? pass, CancellationToken cancellationToken)
    {
        switch (await queue.CheckPassAsync(eventId, userId, pass, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            case PassCheck.Missing:
                throw new WaitingRoomPassRequiredException(eventId);
            case PassCheck.Expired:
                throw new WaitingRoomPassExpiredException(eventId);
        }
    }
}
