using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketMaster.Booking;

namespace TicketMaster.Api.Payments;

/// <summary>
/// Degraded when a payment has been in limbo longer than the reconciler's bound (payment timeout plus
/// two intervals, ADR 0015): the reconciler is off, failing or behind. The detail says how many and how old.
/// </summary>
public sealed class PaymentsHealthCheck(PaymentMetrics metrics, BookingOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await metrics.RefreshAsync(cancellationToken);
        var bound = options.PaymentTimeout + (2 * options.ReconcileInterval);
        var data = new Dictionary<string, object>
        {
            ["paymentsInLimbo"] = backlog.InLimbo,
            ["oldestInLimboSeconds"] = Math.Round(backlog.OldestAge.TotalSeconds, 1),
        };
        var description = $"{backlog.InLimbo} payment(s) in limbo, the oldest started {backlog.OldestAge.TotalSeconds:0} s ago.";

        // 3-D Secure attempts wait for the customer up to PaymentActionWindow; only older ones are late.
        var late = backlog.OldestAge > bound + options.PaymentActionWindow || (options.ReconcileInterval <= TimeSpan.Zero && backlog.InLimbo > 0 && backlog.OldestAge > bound);
        return late ? HealthCheckResult.Degraded(description, data: data) : HealthCheckResult.Healthy(description, data);
    }
}
