using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketMaster.Booking;
using TicketMaster.Common;
using TicketMaster.Events;
using TicketMaster.Users;

namespace TicketMaster.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.Property(o => o.Id).ValueGeneratedNever();
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        order.ComplexProperty(o => o.Total, MoneyColumns.Map);

        // A hold turns into at most one order, whatever races happen above.
        order.HasIndex(o => o.HoldId).IsUnique();
        order.HasIndex(o => new { o.UserId, o.CreatedAt });
        order.HasIndex(o => o.EventId);

        order.HasOne<User>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Event>().WithMany().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Hold>().WithMany().HasForeignKey(o => o.HoldId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Payment>().WithMany().HasForeignKey(o => o.PaymentId).OnDelete(DeleteBehavior.Restrict);
        order.HasMany(o => o.Tickets).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Tickets).HasField("_tickets");
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.Property(t => t.Id).ValueGeneratedNever();
        ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        ticket.ComplexProperty(t => t.Price, MoneyColumns.Map);
        ticket.HasIndex(t => new { t.EventId, t.SeatId });
        ticket.HasOne<EventSeat>().WithMany().HasForeignKey(t => new { t.EventId, t.SeatId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.Property(p => p.Id).ValueGeneratedNever();
        payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        payment.Property(p => p.Provider).HasMaxLength(32);
        payment.Property(p => p.ProviderReference).HasMaxLength(100);
        payment.Property(p => p.IdempotencyKey).HasMaxLength(100);
        payment.Property(p => p.RequestFingerprint).HasMaxLength(64);
        payment.Property(p => p.FailureReason).HasMaxLength(500);
        payment.Property(p => p.ClientSecret).HasMaxLength(200);

        // Every transition is conditional on the status it started from, so two settlers (the live
        // request, a webhook, the reconciler on another instance) never both move one payment.
        payment.Property(p => p.Status).IsConcurrencyToken();
        payment.Ignore(p => p.ProcessorKey);
        payment.Ignore(p => p.IsOpen);

        // The reconciler's work list and the limbo gauge read only this index.
        payment.HasIndex(p => p.NextCheckAt);
        payment.HasIndex(p => new { p.Provider, p.ProviderReference });
        payment.ComplexProperty(p => p.Amount, MoneyColumns.Map);
        payment.HasIndex(p => p.HoldId);
        payment.HasIndex(p => new { p.Provider, p.IdempotencyKey }).IsUnique();
        payment.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        payment.HasOne<Hold>().WithMany().HasForeignKey(p => p.HoldId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class MoneyColumns
{
    public static void Map(ComplexPropertyBuilder<Money> money)
    {
        money.Property(m => m.Amount).HasPrecision(12, 2);
        money.Property(m => m.Currency).HasMaxLength(3).IsFixedLength();
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> refund)
    {
        refund.Property(r => r.Id).ValueGeneratedNever();
        refund.Property(r => r.Reason).HasMaxLength(500);
        refund.Property(r => r.IdempotencyKey).HasMaxLength(200);
        refund.Property(r => r.ProviderReference).HasMaxLength(100);
        refund.ComplexProperty(r => r.Amount, MoneyColumns.Map);
        refund.HasIndex(r => r.IdempotencyKey).IsUnique();
        refund.HasIndex(r => r.PaymentId);
        refund.HasIndex(r => r.OrderId);

        // The refund notices read the last hour of refunds on every notification tick.
        refund.HasIndex(r => r.CreatedAt);
        refund.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
        refund.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
