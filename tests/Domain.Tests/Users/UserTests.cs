using TicketMaster.Common;
using TicketMaster.Users;

namespace TicketMaster.Domain.Tests.Users;

public sealed class UserTests
{
    [Fact]
    public void Emails_are_compared_without_regard_to_case()
    {
        var user = User.Register("alice", " Alice@Example.COM ", "hash", TestData.Now);

        Assert.Equal("Alice@Example.COM", user.Email);
        Assert.Equal(User.NormalizeEmail("alice@example.com"), user.NormalizedEmail);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("@example.com")]
    [InlineData("alice@")]
    [InlineData("al ice@example.com")]
    [InlineData("a@b@example.com")]
    public void Registration_rejects_what_is_not_an_email_address(string email)
    {
        Assert.Throws<InvalidFieldException>(() => User.Register("alice", email, "hash", TestData.Now));
    }

    [Fact]
    public void A_user_is_at_least_an_attendee_and_can_hold_several_roles()
    {
        var user = User.Register("olga", "olga@example.com", "hash", TestData.Now, Role.Organizer);
        user.Grant(Role.VenueManager);

        Assert.True(user.IsIn(Role.Organizer) && user.IsIn(Role.VenueManager));
        user.Revoke(Role.Organizer | Role.VenueManager);
        Assert.Equal(Role.Attendee, user.Roles);
    }
}
