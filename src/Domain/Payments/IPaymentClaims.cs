using TicketMaster.Persistence;

namespace TicketMaster.Payments;

/// <summary>
/// The reconciler's claim on payments due for a check, the one step EF cannot express (row locks that
/// skip rows another instance holds). The provider SQL lives in Infrastructure.
/// </summary>
public interface IPaymentClaims
{
    /// <summary>
    /// Takes up to <paramref name="batchSize"/> payments whose <c>NextCheckAt</c> has come, oldest first,
    /// and moves it to <paramref name="leaseUntil"/>: no other reconciler takes them before then, and if
    /// this one dies they come due again. Returns their ids.
    /// </summary>
    Task<IReadOnlyList<Guid>> ClaimAsync(TicketMasterDbContext db, DateTime now, DateTime leaseUntil, int batchSize, CancellationToken cancellationToken);
}
