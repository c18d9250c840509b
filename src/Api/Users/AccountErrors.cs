using GraphQL.Types;
using TicketMaster.Api.GraphQL.Mutations;

namespace TicketMaster.Api.Users;

public sealed record DuplicateUsernameError(string Username) : UserError($"The username '{Username}' is taken.");

public sealed record DuplicateEmailError(string Email) : UserError($"An account with the email '{Email}' exists; log in instead.");

public sealed record WeakPasswordError(IReadOnlyList<string> Problems) : UserError("The password is too weak: " + string.Join(" ", Problems));

public sealed record InvalidFieldError(string Field, string Problem) : UserError($"{Field}: {Problem}");

/// <summary>Deliberately vague: it never says whether the account exists.</summary>
public sealed record InvalidCredentialsError() : UserError("The username, email or password is not right.");

public sealed class DuplicateUsernameErrorType : ErrorType<DuplicateUsernameError>
{
    public DuplicateUsernameErrorType()
        : base("Someone already has this username.") => Field(e => e.Username);
}

public sealed class DuplicateEmailErrorType : ErrorType<DuplicateEmailError>
{
    public DuplicateEmailErrorType()
        : base("An account with this email exists.") => Field(e => e.Email);
}

public sealed class WeakPasswordErrorType : ErrorType<WeakPasswordError>
{
    public WeakPasswordErrorType()
        : base("The password breaks the password policy.") =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("problems").Description("Each rule broken, as a sentence to show.").Resolve(ctx => ctx.Source.Problems);
}

public sealed class InvalidFieldErrorType : ErrorType<InvalidFieldError>
{
    public InvalidFieldErrorType()
        : base("An input field has a value that is not allowed.")
    {
        Field(e => e.Field).Description("The input field's name.");
        Field(e => e.Problem);
    }
}

public sealed class InvalidCredentialsErrorType : ErrorType<InvalidCredentialsError>
{
    public InvalidCredentialsErrorType()
        : base("The credentials do not match an account.")
    {
    }
}

public sealed class RegisterErrorType : UnionGraphType
{
    public RegisterErrorType()
    {
        Name = "RegisterError";
        Type<DuplicateUsernameErrorType>();
        Type<DuplicateEmailErrorType>();
        Type<WeakPasswordErrorType>();
        Type<InvalidFieldErrorType>();
    }
}

public sealed class LoginErrorType : UnionGraphType
{
    public LoginErrorType()
    {
        Name = "LoginError";
        Type<InvalidCredentialsErrorType>();
    }
}
