using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketMaster.Users;

namespace TicketMaster.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.Id).ValueGeneratedNever();
        notification.Property(n => n.Kind).HasMaxLength(40);
        notification.Property(n => n.Subject).HasMaxLength(64);
        notification.Property(n => n.Channel).HasConversion<string>().HasMaxLength(16);
        notification.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        notification.Property(n => n.Title).HasMaxLength(300);
        notification.Property(n => n.Body).HasMaxLength(2000);
        notification.Property(n => n.LeaseOwner).HasMaxLength(32);
        notification.Property(n => n.LastError).HasMaxLength(Notification.MaxErrorLength);

        // Each person gets each message once per channel, however often the outbox is read.
        notification.HasIndex(n => new { n.Kind, n.Subject, n.RecipientId, n.Channel }).IsUnique();

        // The delivery sweep's due scan, a lease's read-back, and a person's own list.
        notification.HasIndex(n => new { n.Status, n.NextAttemptAt });
        notification.HasIndex(n => n.LeaseOwner);
        notification.HasIndex(n => new { n.RecipientId, n.Channel, n.CreatedAt });
        notification.HasOne<User>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationCursorConfiguration : IEntityTypeConfiguration<NotificationCursor>
{
    public void Configure(EntityTypeBuilder<NotificationCursor> cursor)
    {
        cursor.HasKey(c => c.Name);
        cursor.Property(c => c.Name).HasMaxLength(40);
    }
}

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> preferences)
    {
        preferences.HasKey(p => p.UserId);
        preferences.Property(p => p.UserId).ValueGeneratedNever();
        preferences.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
