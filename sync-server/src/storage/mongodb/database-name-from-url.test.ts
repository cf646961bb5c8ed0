import { describe, expect, it } from 'vitest';
import { StorageError } from '../errors';
import { databaseNameFromUrl, defaultDatabaseName } from './database-name-from-url';

describe('databaseNameFromUrl', () => {
  it.each([
    ['mongodb://localhost:27017', defaultDatabaseName],
    ['mongodb://localhost:27017/', defaultDatabaseName],
    ['mongodb://localhost/shopdb', 'shopdb'],
    ['mongodb://localhost/?replicaSet=rs0', defaultDatabaseName],
    ['mongodb://localhost?directConnection=true', defaultDatabaseName],
    ['mongodb://a:27017,b:27017,c:27017/shop?replicaSet=rs0&w=majority', 'shop'],
    ['mongodb+srv://cluster0.abcde.mongodb.net', defaultDatabaseName],
    ['mongodb+srv://admin:s3cret@cluster0.abcde.mongodb.net/?retryWrites=true&w=majority', defaultDatabaseName],
    ['mongodb+srv://admin:s3cret@cluster0.abcde.mongodb.net/online_annavaram?retryWrites=true&w=majority', 'online_annavaram'],
    ['mongodb://user:p%40ss%2Fw0rd@db.example.com:27017/orders_db?authSource=admin', 'orders_db'],
    ['mongodb://user:pass@host/shop?authSource=admin&appName=a/b', 'shop'],
    ['mongodb://host/shop%2Ddb', 'shop-db'],
    ['  mongodb://host/trimmed  ', 'trimmed'],
  ])('reads %s as %s', (url, name) => {
    expect(databaseNameFromUrl(url)).toBe(name);
  });

  it.each([
    'postgres://host/db',
    'file:./data/platform.db',
    'mongodb://',
    'mongodb://user:p@ss@host/db',
    'mongodb://host/%E0%A4%A',
  ])('refuses %s as INVALID_REQUEST', (url) => {
    expect(() => databaseNameFromUrl(url)).toThrowError(StorageError);
    try {
      databaseNameFromUrl(url);
    } catch (error) {
      expect((error as StorageError).code).toBe('INVALID_REQUEST');
    }
  });
});
