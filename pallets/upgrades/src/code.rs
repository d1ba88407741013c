//! Minimal runtime "code" for tests and benchmarks: wasm modules with a `runtime_version` custom
//! section (where nodes read a runtime's version from), padded to a wanted length
//! ([`runtime_blob`]), or importing given host functions ([`module_importing`], what code a node
//! cannot run looks like to its checks). They are not executable; activation never executes
//! code.

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

fn name(name: &str, out: &mut Vec<u8>) {
	leb128(name.len() as u32, out);
	out.extend_from_slice(name.as_bytes());
}

fn section(id: u8, body: &[u8], out: &mut Vec<u8>) {
	out.push(id);
	leb128(body.len() as u32, out);
	out.extend_from_slice(body);
}

fn custom_section(section_name: &str, payload: &[u8], out: &mut Vec<u8>) {
	let mut body = Vec::with_capacity(payload.len() + section_name.len() + 5);
	name(section_name, &mut body);
	body.extend_from_slice(payload);
	section(0, &body, out);
}

/// A module importing the functions `imports` (`(module, name)`, each of type `() -> ()`) and
/// declaring `version`.
pub fn module_importing(imports: &[(&str, &str)], version: &RuntimeVersion) -> Vec<u8> {
	let mut out = HEADER.to_vec();
	// One function type, `() -> ()`.
	section(1, &[1, 0x60, 0, 0], &mut out);
	let mut body = Vec::new();
	leb128(imports.len() as u32, &mut body);
	for (module, field) in imports {
		name(module, &mut body);
		name(field, &mut body);
		// A function of type 0.
		body.extend_from_slice(&[0, 0]);
	}
	section(2, &body, &mut out);
	custom_section("runtime_version", &version.encode(), &mut out);
	out
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
