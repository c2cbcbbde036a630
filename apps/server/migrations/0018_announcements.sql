-- Notices to subscribers (お知らせ), in all six languages, with whom they concern. Published notices
-- are public (the site, the status page, /announcements.atom); the delivery table records who was sent
-- one, once each.
CREATE TABLE announcements (
  id uuid PRIMARY KEY,
  texts jsonb NOT NULL, -- {"title": {lang: text}, "body": {lang: text}}
  effective_on date,
  target jsonb NOT NULL, -- {"planIds": [], "lineTypes": [], "languages": []}; empty: everyone
  published_by uuid NOT NULL REFERENCES staff (id),
  published_at timestamptz NOT NULL
);
CREATE INDEX announcements_published ON announcements (published_at DESC, id);

CREATE TABLE announcement_deliveries (
  announcement_id uuid NOT NULL REFERENCES announcements (id),
  subscription_id uuid NOT NULL REFERENCES subscriptions (id),
  mail_id uuid NOT NULL,
  language text NOT NULL,
  PRIMARY KEY (announcement_id, subscription_id)
);
