using GraphQL;
using GraphQL.Types;

namespace TicketMaster.Api.Users;

public static class AccountMutations
{
    public static void AddAccountMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RegisterPayloadType>>("register")
            .Description("Creates an attendee account and returns an access token for it.")
            .Argument<NonNullGraphType<RegisterInputType>>("input")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<RegisterUser>()
                .ExecuteAsync(ctx.GetArgument<RegisterInput>("input"), ctx.CancellationToken));

        mutation.Field<NonNullGraphType<LoginPayloadType>>("login")
            .Description("Signs in with a username or email and returns an access token.")
            .Argument<NonNullGraphType<LoginInputType>>("input")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<LogIn>()
                .ExecuteAsync(ctx.GetArgument<LoginInput>("input"), ctx.CancellationToken));
    }
}
