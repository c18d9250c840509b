using Quartz;
using TicketMaster.Booking;
using TicketMaster.Payments;

namespace TicketMaster.Api.Payments;

/// <summary>
/// The Quartz reconciler (ADR 0015): batch after batch until nothing more is due. Not concurrent within
/// an instance; across instances the claims keep them on different payments.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReconcilePaymentsJob(ReconcilePayments reconcile, PaymentMetrics metrics, BookingOptions options, ILogger<ReconcilePaymentsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ReconcileRun run;
        do
        {
            run = await reconcile.ExecuteAsync(cancellationToken);
            if (run.Claimed > 0)
            {
                logger.LogInformation("Reconciled payments: {Claimed} claimed, {Settled} settled, {Failed} failed", run.Claimed, run.Settled, run.Errors.Count);
            }

            foreach (var error in run.Errors.Take(3))
            {
                logger.LogWarning(error, "A payment could not be reconciled; it is tried again when its lease ends");
            }
        }
        while (run.Claimed >= options.ReconcileBatchSize && run.Errors.Count < run.Claimed && !cancellationToken.IsCancellationRequested);

        await metrics.RefreshAsync(cancellationToken);
    }
}

public static class PaymentReconciliation
{
    /// <summary>Runs <see cref="ReconcilePaymentsJob"/> every <c>Booking:ReconcileInterval</c> (5 s); zero turns it off.</summary>
    public static IServiceCollection AddPaymentReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PaymentMetrics>();
        services.AddHealthChecks().AddCheck<PaymentsHealthCheck>("payments");
        var interval = configuration.GetSection(BookingOptions.SectionName).Get<BookingOptions>()?.ReconcileInterval ?? new BookingOptions().ReconcileInterval;
        return services.AddIntervalJob<ReconcilePaymentsJob>("reconcile-payments", interval);
    }
}
