//! The floor benchmarks (frame-benchmarking v2).

use super::*;
use frame_benchmarking::v2::*;
use sp_core::{crypto::KeyTypeId, ed25519, sr25519};
use sp_runtime::traits::Verify;

/// A key type for the benchmark keys (in the benchmark's own keystore).
const FLOOR: KeyTypeId = KeyTypeId(*b"flor");
/// The signed message: about the size of a signed vote payload.
const MESSAGE: [u8; 100] = [7u8; 100];

#[benchmarks]
mod benchmarks {
	use super::*;

	/// One sr25519 signature check.
	#[benchmark]
	fn sr25519_verify() -> Result<(), BenchmarkError> {
		let public = sp_io::crypto::sr25519_generate(FLOOR, None);
		let signature: sr25519::Signature = sp_io::crypto::sr25519_sign(FLOOR, &public, &MESSAGE)
			.ok_or(BenchmarkError::Weightless)?;
		let valid;
		#[block]
		{
			valid = signature.verify(&MESSAGE[..], &public);
		}
		assert!(valid);
		Ok(())
	}

	/// One ed25519 signature check.
	#[benchmark]
	fn ed25519_verify() -> Result<(), BenchmarkError> {
		let public = sp_io::crypto::ed25519_generate(FLOOR, None);
		let signature: ed25519::Signature = sp_io::crypto::ed25519_sign(FLOOR, &public, &MESSAGE)
			.ok_or(BenchmarkError::Weightless)?;
		let valid;
		#[block]
		{
			valid = signature.verify(&MESSAGE[..], &public);
		}
		assert!(valid);
		Ok(())
	}

	/// One read and one write of an account-sized record that exists.
	#[benchmark]
	fn read_write() {
		let who: T::AccountId = account("voter", 0, 0);
		RecordOf::<T>::insert(&who, [1u8; 80]);
		#[block]
		{
			let mut record = RecordOf::<T>::get(&who).unwrap_or([0u8; 80]);
			record[0] = record[0].wrapping_add(1);
			RecordOf::<T>::insert(&who, record);
		}
		assert_eq!(RecordOf::<T>::get(&who).map(|r| r[0]), Some(2));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
