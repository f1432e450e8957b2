//go:build benchfloor && benchsqlite

package main

import _ "modernc.org/sqlite" // its package initialisation is what this build measures
