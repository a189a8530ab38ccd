import type {Eta} from 'eta'

/** The one configured template engine (see engine.js). */
export declare function newEta(options: {views: string; cache: boolean; debug: boolean}): Eta
