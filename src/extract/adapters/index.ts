import type {Adapter, ItemAdapter, RowAdapter} from './adapter.ts'
import {bullets} from './bullets.ts'
import {keyValue} from './key-value.ts'
import {inline} from './inline.ts'
import {table} from './table.ts'

export type {Adapter, ItemAdapter, RowAdapter, Columns} from './adapter.ts'

/**
 * Every form of paper entry the site reads. Order breaks ties in detection: the seed's own form first,
 * so that a list in it reads exactly as it always has.
 */
export const adapters: readonly Adapter[] = [bullets, keyValue, inline, table]

export const itemAdapters: readonly ItemAdapter[] = adapters.filter((adapter): adapter is ItemAdapter => adapter.reads === 'items')
export const rowAdapters: readonly RowAdapter[] = adapters.filter((adapter): adapter is RowAdapter => adapter.reads === 'rows')

/** The names `--form` takes. */
export const formNames: readonly string[] = adapters.map((adapter) => adapter.name)
