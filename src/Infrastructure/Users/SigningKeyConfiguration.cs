using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TicketMaster.Users;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.ToTable("access_token_signing_keys");
        key.Property(k => k.Id).HasMaxLength(SigningKey.MaxIdLength).ValueGeneratedNever();
        key.Property(k => k.Secret).HasMaxLength(SigningKey.MaxSecretLength);
    }
}
