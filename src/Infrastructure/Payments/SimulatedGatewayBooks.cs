using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketMaster.Payments;

/// <summary>
/// One charge in the simulated processor's own books, keyed by the attempt's idempotency key, so the
/// processor can say what happened to key X after the Api restarts, as Stripe can. Not the shop's
/// payments table: the two are compared (the ledger invariant), never joined.
/// </summary>
internal sealed class SimulatedCharge
{
    public string IdempotencyKey { get; set; } = "";

    public string Reference { get; set; } = "";

    /// <summary>Succeeded, Declined or RequiresAction (3-D Secure not yet completed).</summary>
    public string Status { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>One refund in the simulated processor's books, keyed by its idempotency key.</summary>
internal sealed class SimulatedRefund
{
    public string IdempotencyKey { get; set; } = "";

    public string ChargeReference { get; set; } = "";

    public decimal Amount { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class SimulatedChargeConfiguration : IEntityTypeConfiguration<SimulatedCharge>
{
    public void Configure(EntityTypeBuilder<SimulatedCharge> charge)
    {
        charge.ToTable("simulated_gateway_charges");
        charge.HasKey(c => c.IdempotencyKey);
        charge.Property(c => c.IdempotencyKey).HasMaxLength(200);
        charge.Property(c => c.Reference).HasMaxLength(100);
        charge.Property(c => c.Status).HasMaxLength(16);
        charge.Property(c => c.Amount).HasPrecision(12, 2);
        charge.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        charge.HasIndex(c => c.Reference).IsUnique();
    }
}

internal sealed class SimulatedRefundConfiguration : IEntityTypeConfiguration<SimulatedRefund>
{
    public void Configure(EntityTypeBuilder<SimulatedRefund> refund)
    {
        refund.ToTable("simulated_gateway_refunds");
        refund.HasKey(r => r.IdempotencyKey);
        refund.Property(r => r.IdempotencyKey).HasMaxLength(200);
        refund.Property(r => r.ChargeReference).HasMaxLength(100);
        refund.Property(r => r.Amount).HasPrecision(12, 2);
        refund.HasIndex(r => r.ChargeReference);
    }
}
