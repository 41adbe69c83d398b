-- A notes database as polyread's first schema (version 1) wrote it: no
-- note ids for export, no note language, no orphan flag, no tags.
-- tests/unit/u-store.c loads it into a file and opens it to migrate it.
PRAGMA journal_mode = WAL;
CREATE TABLE article (
  id INTEGER PRIMARY KEY,
  created TEXT NOT NULL);
CREATE TABLE version (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES article(id),
  source TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  lang TEXT,
  created TEXT NOT NULL);
CREATE INDEX version_article ON version(article);
CREATE INDEX version_hash ON version(hash);
CREATE TABLE note (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL REFERENCES version(id),
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  pos_start INTEGER NOT NULL,
  pos_end INTEGER NOT NULL,
  body TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL);
CREATE INDEX note_version ON note(version);
CREATE TABLE position (
  article INTEGER PRIMARY KEY
    REFERENCES article(id) ON DELETE CASCADE,
  version INTEGER NOT NULL REFERENCES version(id),
  block INTEGER NOT NULL,
  off INTEGER NOT NULL,
  saved TEXT NOT NULL);

INSERT INTO article VALUES (1, '2024-07-12T09:00:00.000Z');
INSERT INTO version VALUES (1, 1, 'file:///srv/articles/commentary.en.txt',
  'fnv1a64:0123456789abcdef', 'en', '2024-07-12T09:00:00.000Z');
INSERT INTO version VALUES (2, 1, 'file:///srv/articles/commentary.ru.txt',
  'fnv1a64:fedcba9876543210', 'ru', '2024-07-12T09:00:00.000Z');
INSERT INTO note VALUES (1, 1, 'The Arctic cannot become a toll road',
  ', Ingrid Halvorsen, was blunt. “', ' run by one country,” she told r',
  445, 481, 'Who would collect the toll?', '2024-07-12T09:01:00.000Z',
  '2024-07-12T09:01:00.000Z');
INSERT INTO note VALUES (2, 2, 'Суда выбирают кратчайший путь', '', '',
  900, 929, 'Кратчайший — значит северный.', '2024-07-12T09:02:00.000Z',
  '2024-07-12T09:05:00.000Z');
INSERT INTO note VALUES (3, 1, 'freedom of navigation', '', '', 1200, 1221,
  'A line with' || char(10) || 'two lines and a ' || char(27) ||
  '[31m control', '2024-07-12T09:03:00.000Z', '2024-07-12T09:03:00.000Z');
INSERT INTO position VALUES (1, 2, 3, 12, '2024-07-12T09:10:00.000Z');
PRAGMA user_version = 1;
