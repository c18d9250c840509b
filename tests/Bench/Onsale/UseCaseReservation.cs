using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TicketMaster.Booking;
using TicketMaster.Persistence;

namespace TicketMaster.Bench.Onsale;

/// <summary>
/// The middle measurement between the Api and the raw-SQL baseline: the real <see cref="ReserveSeats"/>
/// use case on EF Core and Pomelo, called in the bench process with no HTTP, JWT or GraphQL. The
/// gap to the baseline is what EF and the domain cost; the gap to the Api is the web layer's.
/// </summary>
public sealed class UseCaseReservation(DbContextOptions<TicketMasterDbContext> options)
{
    private readonly PooledDbContextFactory<TicketMasterDbContext> _contexts = new(options);
    private readonly BookingOptions _booking = new();
    private readonly BookingSql _store = new();

    public static UseCaseReservation For(string connectionString, string serverVersion)
    {
        var builder = new DbContextOptionsBuilder<TicketMasterDbContext>();
        DatabaseRegistration.Configure(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.MySql, ServerVersion = serverVersion, ConnectionString = connectionString,
        });
        return new UseCaseReservation(builder.Options);
    }

    public async Task<ReserveOutcome> ReserveAsync(Buyer buyer, int eventId, int[] seatIds, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var hold = await new ReserveSeats(db, _store, new OutboxOnlyAvailabilityPublisher(), TimeProvider.System, _booking)
                .ExecuteAsync(buyer.UserId, eventId, seatIds, cancellationToken);
            return new ReserveOutcome(ReserveResult.Held, hold.Id.ToString());
        }
        catch (SeatsUnavailableException)
        {
            return new ReserveOutcome(ReserveResult.Conflict);
        }
        catch (Common.DomainException e)
        {
            return new ReserveOutcome(ReserveResult.Failed, Error: e.GetType().Name);
        }
    }
}
