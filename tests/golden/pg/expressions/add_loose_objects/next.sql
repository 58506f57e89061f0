create table items (
  id serial primary key,
  sku varchar(40) not null,
  price numeric(10,2),
  qty integer default 1*1,
  total numeric generated always as (price*qty) stored,
  constraint price_check check (price>0),
  constraint sku_check check (sku like 'SKU-%' and sku not in ('SKU-0'))
);
create index items_lower_sku_idx on items (lower(sku), (price*2));
create index items_big_idx on items (sku) where qty>1 or price between 10 and 100;
create view big_items as select id, sku from items where qty>1;
create materialized view item_totals as select sku, sum(price*qty) as value from items group by sku;
