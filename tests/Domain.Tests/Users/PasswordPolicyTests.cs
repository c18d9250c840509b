using TicketMaster.Users;

namespace TicketMaster.Domain.Tests.Users;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Summer2024!")]
    [InlineData("ticketmaster")]
    [InlineData("Password2026")]
    [InlineData("qwertyuiop1")]
    public void Guessable_passwords_are_refused_by_the_strength_rule(string password)
    {
        var problems = PasswordPolicy.Problems(password, "alice", "alice@example.com");

        Assert.Contains(problems, p => p.Contains("strength rule", StringComparison.Ordinal) || p.Contains("most common", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("a long enough passphrase")]
    [InlineData("vX7#qLp2!mZr")]
    public void Passphrases_and_random_passwords_pass(string password)
    {
        Assert.Empty(PasswordPolicy.Problems(password, "alice", "alice@example.com"));
    }

    [Fact]
    public void A_password_built_on_the_username_is_refused()
    {
        var problems = PasswordPolicy.Problems("margaretha-2026", "margaretha", "mh@example.com");

        Assert.Contains("Do not use your username or email in the password.", problems);
    }
}
