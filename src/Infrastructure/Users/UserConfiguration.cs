using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketMaster.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.Property(u => u.Username).HasMaxLength(User.MaxUsernameLength);
        user.Property(u => u.Email).HasMaxLength(User.MaxEmailLength);
        user.Property(u => u.NormalizedEmail).HasMaxLength(User.MaxEmailLength);
        user.Property(u => u.PasswordHash).HasMaxLength(200);
        user.HasIndex(u => u.Username).IsUnique();
        user.HasIndex(u => u.NormalizedEmail).IsUnique();
    }
}
