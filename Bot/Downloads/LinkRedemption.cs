namespace OrganBot.Bot.Downloads;

/// <summary>Why a one-time link was or was not accepted; <see cref="Accepted"/> spent it.</summary>
internal enum LinkCheck { Accepted, Unknown, OtherObject, Used, Expired, NotAdmin, Raced }

/// <summary>The outcome of <see cref="DownloadTokenStore.RedeemAsync"/>, with the admin the link was issued to.</summary>
internal sealed record LinkRedemption(LinkCheck Check, string? AdminAadObjectId = null);
