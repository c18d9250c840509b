using TicketMaster.GraphQL.Caching;
using GraphQL.Types;
using TicketMaster.Api.Notifications;
using TicketMaster.GraphQL.Relay;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

public sealed class UserType : ObjectGraphType<User>
{
    public const string TypeName = "User";

    public UserType()
    {
        this.CacheControl(scope: CacheControlScope.Private);
        Name = TypeName;
        Description = "An account. Only its owner (or an admin) can see it.";
        this.ImplementsNode(TypeName, u => u.Id);
        Field(u => u.Username).Description("The name you log in with; unique across accounts.");
        Field(u => u.Email).Description("Where tickets and receipts are sent; also a login name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("roles").Description("What the account may do; never empty.")
            .Resolve(ctx => Enum.GetValues<Role>().Where(r => r != Role.None && ctx.Source.IsIn(r)).ToList());
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the account was registered.").Resolve(ctx => ctx.Source.CreatedAt);
        this.AddNotificationPreferences();
    }
}

public sealed class RoleType : EnumerationGraphType
{
    public RoleType()
    {
        Name = "Role";
        Description = "What an account may do; one account can have several.";
        Add("ATTENDEE", Role.Attendee, "Buys tickets.");
        Add("ORGANIZER", Role.Organizer, "Creates and sells events.");
        Add("VENUE_MANAGER", Role.VenueManager, "Keeps venues' seat maps.");
        Add("ADMIN", Role.Admin, "Runs the platform.");
    }
}
