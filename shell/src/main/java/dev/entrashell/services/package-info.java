/**
 * {@code ShellServices}: what commands and scripts are given to work with, one instance per shell.
 * Below both, so that neither depends on the other to get it.
 */
package dev.entrashell.services;
