//! Minimal runtime "code" for tests and benchmarks: a wasm module with only a `runtime_version`
//! custom section (where nodes read a runtime's version from) and a padding section that brings
//! it to the wanted length. It is not executable, but activation never executes code.

use alloc::vec::Vec;
use codec::Encode;
use sp_version::RuntimeVersion;

/// The wasm magic and version 1.
const HEADER: [u8; 8] = *b"\0asm\x01\0\0\0";

fn leb128(mut n: u32, out: &mut Vec<u8>) {
	loop {
		let byte = (n & 0x7f) as u8;
		n >>= 7;
		if n == 0 {
			out.push(byte);
			return;
		}
		out.push(byte | 0x80);
	}
}

fn custom_section(name: &str, payload: &[u8], out: &mut Vec<u8>) {
	let mut body = Vec::with_capacity(payload.len() + name.len() + 5);
	leb128(name.len() as u32, &mut body);
	body.extend_from_slice(name.as_bytes());
	body.extend_from_slice(payload);
	out.push(0);
	leb128(body.len() as u32, out);
	out.extend(body);
}

/// A module declaring `version`, padded to `len` bytes (up to 4 fewer: the framing varies).
pub fn runtime_blob(version: &RuntimeVersion, len: u32) -> Vec<u8> {
	let mut out = HEADER.to_vec();
	custom_section("runtime_version", &version.encode(), &mut out);
	// A padding section of `n` payload bytes costs `n` plus at most 5 + 1 + 8 bytes of framing.
	let missing = (len as usize).saturating_sub(out.len() + 14);
	if missing > 0 {
		custom_section("padding", &alloc::vec![0u8; missing], &mut out);
	}
	out
}

/// The `runtime_version` section of a module built by [`runtime_blob`] (tests read versions
/// with this where a node would use its wasm executor).
#[cfg(test)]
pub fn embedded_version(code: &[u8]) -> Option<Vec<u8>> {
	fn read_leb(bytes: &mut &[u8]) -> Option<u32> {
		let mut n = 0u32;
		for shift in (0..35).step_by(7) {
			let (&b, rest) = bytes.split_first()?;
			*bytes = rest;
			n |= u32::from(b & 0x7f) << shift;
			if b & 0x80 == 0 {
				return Some(n);
			}
		}
		None
	}
	let mut rest = code.strip_prefix(&HEADER[..])?;
	while let Some((&id, tail)) = rest.split_first() {
		rest = tail;
		let size = read_leb(&mut rest)? as usize;
		let mut section = rest.get(..size)?;
		rest = &rest[size..];
		if id == 0 {
			let name_len = read_leb(&mut section)? as usize;
			if section.get(..name_len)? == b"runtime_version" {
				return Some(section[name_len..].to_vec());
			}
		}
	}
	None
}
