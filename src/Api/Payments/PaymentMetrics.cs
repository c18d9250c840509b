using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Payments;
using TicketMaster.Persistence;

namespace TicketMaster.Api.Payments;

/// <summary>
/// Operators' view of the payment backlog as gauges on the <c>TicketMaster.Payments</c> meter:
/// <c>ticketmaster.payments.in_limbo</c> and <c>ticketmaster.payments.oldest_in_limbo_age</c> (seconds).
/// Gauges are read synchronously, so they report the last measurement (each reconciler run and each
/// health check measures), never a query on the exporter's thread.
/// </summary>
public sealed class PaymentMetrics
{
    public const string MeterName = "TicketMaster.Payments";

    private readonly IDbContextFactory<TicketMasterDbContext> _contexts;
    private readonly TimeProvider _clock;
    private PaymentBacklog _last = new(0, TimeSpan.Zero);

    public PaymentMetrics(IMeterFactory meters, IDbContextFactory<TicketMasterDbContext> contexts, TimeProvider clock)
    {
        _contexts = contexts;
        _clock = clock;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("ticketmaster.payments.in_limbo", () => _last.InLimbo, "{payment}", "Payment attempts not yet final (pending, charged without an order, waiting for 3-D Secure, refund under way).");
        meter.CreateObservableGauge("ticketmaster.payments.oldest_in_limbo_age", () => _last.OldestAge.TotalSeconds, "s", "How long ago the oldest payment attempt in limbo started.");
    }

    public PaymentBacklog Last => _last;

    public async Task<PaymentBacklog> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return _last = await ReconcilePayments.BacklogAsync(db, _clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
