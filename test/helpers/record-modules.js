// `node --import ./record-modules.js …`: appends the URL of every ES module the process loads to the
// file named by $RECORD_MODULES, one a line. Plain JavaScript, so that it needs no loader itself.
import {register} from 'node:module'

register('./record-modules-hooks.js', import.meta.url)
