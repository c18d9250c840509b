using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Users;

[Description("The refresh token is unknown, expired, revoked (by `logout`) or not yours. Log in again.")]
public sealed class InvalidRefreshTokenException()
    : DomainException("The refresh token is not valid any more; log in again.");

[Description("The refresh token was already traded for a new one. Someone else may hold a copy, so every token of this sign-in was revoked; log in again.")]
public sealed class RefreshTokenReusedException()
    : DomainException("The refresh token was already used; every session of this sign-in has been ended. Log in again.");
