-- Moderation: content removals (action REMOVE of a post or comment) that became final, because their appeal window
-- (tribune.moderation.appeal-window) closed without an appeal or their appeal was rejected. Once final, the
-- pictures of the post or comment have been deleted from the storage and the removal can no longer be appealed.
create table final_removal (
    action_id  bigint                   primary key,
    final_at   timestamp with time zone not null
);
