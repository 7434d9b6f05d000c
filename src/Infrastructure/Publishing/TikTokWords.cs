namespace BrandAutomator.Infrastructure.Publishing;

/// <summary>TikTok's codes as people read them: privacy levels and the reasons a post failed (Content Posting API, "Get Post Status").</summary>
internal static class TikTokWords
{
    public static string Privacy(string? level) => level switch
    {
        "PUBLIC_TO_EVERYONE" => "Everyone",
        "MUTUAL_FOLLOW_FRIENDS" => "Friends",
        "FOLLOWER_OF_CREATOR" => "Followers",
        "SELF_ONLY" => "Only me",
        null or "" => "no one chosen",
        _ => level.Replace('_', ' ').ToLowerInvariant(),
    };

    public static string FailReason(string? reason) => reason switch
    {
        "file_format_check_failed" => "the file's format is not one TikTok takes (MP4, WebM or MOV)",
        "duration_check_failed" => "the video is longer than this account may post",
        "frame_rate_check_failed" => "the video's frame rate is not one TikTok takes (23 to 60 frames a second)",
        "picture_size_check_failed" => "the video's picture size is not one TikTok takes (360 to 4,096 pixels a side)",
        "video_pull_failed" => "TikTok could not download the video from its link",
        "publish_cancelled" => "the post was cancelled on TikTok",
        "auth_removed" or "auth_revoked" => "the account withdrew this app's access",
        "spam_risk_too_many_posts" => "the account has reached TikTok's limit of posts for today",
        "spam_risk_user_banned_from_posting" => "TikTok does not let this account post at the moment",
        "spam_risk_text" => "TikTok judged the caption as spam",
        "spam_risk" => "TikTok judged the post as spam",
        "internal" => "TikTok had a problem of its own; try again later",
        null or "" => "TikTok gave no reason",
        _ => reason.Replace('_', ' '),
    };
}
