create type mood as enum ('sad','ok','happy');
create table items (
  id serial primary key,
  sku varchar(40) not null,
  name text,
  price numeric(10,2),
  qty integer default (0+0),
  feeling mood default 'ok',
  added_at timestamptz default CURRENT_TIMESTAMP,
  total numeric generated always as (price*qty) stored,
  slug text generated always as (lower(sku)||'-'||id::text) stored,
  constraint price_check check (price>0),
  constraint sku_check check (sku like 'SKU-%' and sku not in ('SKU-0','SKU-00')),
  constraint qty_check check (qty between 0 and 1000)
);
create index items_lower_sku_idx on items (lower(sku));
create index items_cheap_idx on items (name) where price < 10 and feeling = 'ok';
create view cheap_items as select id,sku from items where price<10;
create materialized view item_counts as select feeling, count(*) n from items group by feeling;
create policy readers on items for select using (qty>0);
alter table items enable row level security;
