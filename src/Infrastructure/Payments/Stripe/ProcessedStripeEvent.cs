using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketMaster.Payments.Stripe;

/// <summary>
/// A Stripe event already handed on. Stripe delivers at least once and retries for days, and an
/// attacker may replay a captured delivery within the signature's tolerance: a known id is
/// acknowledged and changes nothing. The adapter's own table, so the core never sees it.
/// </summary>
public sealed class ProcessedStripeEvent(string id, string type, DateTime processedAt)
{
    public string Id { get; private set; } = id;

    public string Type { get; private set; } = type;

    public DateTime ProcessedAt { get; private set; } = processedAt;
}

internal sealed class ProcessedStripeEventConfiguration : IEntityTypeConfiguration<ProcessedStripeEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedStripeEvent> processed)
    {
        processed.HasKey(e => e.Id);
        // Stripe's ids (evt_…) are well under 255 characters; ASCII keeps the key short on utf8mb4.
        processed.Property(e => e.Id).HasMaxLength(255).IsUnicode(false);
        processed.Property(e => e.Type).HasMaxLength(100);
    }
}
