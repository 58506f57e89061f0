create table items (
  id serial primary key,
  sku varchar(40) not null,
  price numeric(10,2),
  qty integer default 1,
  total numeric generated always as (price*qty) stored,
  constraint price_check check (price>0)
);
create index items_big_idx on items (sku) where qty>1;
create view big_items as select id, sku from items where qty>1;
