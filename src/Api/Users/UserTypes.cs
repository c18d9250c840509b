using GraphQL.Types;
using TicketMaster.Api.GraphQL.Mutations;
using TicketMaster.Api.GraphQL.Relay;
using TicketMaster.Users;

namespace TicketMaster.Api.Users;

public sealed class UserType : ObjectGraphType<User>
{
    public const string TypeName = "User";

    public UserType()
    {
        Name = TypeName;
        Description = "An account. Only its owner (or an admin) can see it.";
        this.ImplementsNode(TypeName, u => u.Id);
        Field(u => u.Username);
        Field(u => u.Email);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>>("roles")
            .Resolve(ctx => Enum.GetValues<Role>().Where(r => r != Role.None && ctx.Source.IsIn(r)).ToList());
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
    }
}

public sealed class RoleType : EnumerationGraphType
{
    public RoleType()
    {
        Name = "Role";
        Add("ATTENDEE", Role.Attendee, "Buys tickets.");
        Add("ORGANIZER", Role.Organizer, "Creates and sells events.");
        Add("VENUE_MANAGER", Role.VenueManager, "Keeps venues' seat maps.");
        Add("ADMIN", Role.Admin, "Runs the platform.");
    }
}

public sealed class RegisterInputType : InputObjectGraphType<RegisterInput>
{
    public RegisterInputType()
    {
        Name = "RegisterInput";
        Field(i => i.Username).Description("3 to 32 letters, digits, '.', '_' or '-'.");
        Field(i => i.Email);
        Field(i => i.Password).Description($"At least {PasswordPolicy.MinLength} characters, not a common password, without your username or email.");
    }
}

public sealed class LoginInputType : InputObjectGraphType<LoginInput>
{
    public LoginInputType()
    {
        Name = "LoginInput";
        Field(i => i.UsernameOrEmail);
        Field(i => i.Password);
    }
}

/// <summary><c>XPayload { user accessToken expiresAt errors }</c> for the account mutations.</summary>
public abstract class SignedInPayloadType<TErrorUnion> : ObjectGraphType<Payload<SignedIn>>
    where TErrorUnion : UnionGraphType
{
    protected SignedInPayloadType(string name)
    {
        Name = name;
        Field<UserType>("user").Resolve(ctx => ctx.Source.Result?.User);
        Field<StringGraphType>("accessToken").Description("Send it as `Authorization: Bearer <token>`.").Resolve(ctx => ctx.Source.Result?.AccessToken);
        Field<DateTimeGraphType>("expiresAt").Resolve(ctx => ctx.Source.Result?.ExpiresAt);
        Field<ListGraphType<NonNullGraphType<TErrorUnion>>>("errors").Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class RegisterPayloadType() : SignedInPayloadType<RegisterErrorType>("RegisterPayload");

public sealed class LoginPayloadType() : SignedInPayloadType<LoginErrorType>("LoginPayload");
